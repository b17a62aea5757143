/** How visitor IP addresses are stored, as the server names the modes. */
export const IP_MODES = [ 'anonymised', 'full', 'none' ] as const;

/** One of IP_MODES: the last part zeroed, the whole address, or nothing. */
export type IpMode = ( typeof IP_MODES )[ number ];

/** LiveDesk settings as `GET /livedesk/v1/settings` returns them. */
export interface Settings {
	/** Whether uninstalling the plugin deletes all its data. */
	delete_data_on_uninstall: boolean;
	/** The configured sidecar URL; '' means the site's own origin. */
	sidecar_url: string;
	/** The URL actually used, after the same-origin default is applied. */
	effective_sidecar_url: string;
	/** Whether visitors are tracked; off: the tracker sends nothing, nothing new is stored. */
	tracking: boolean;
	/** Whether the tracker waits for the visitor's consent. */
	consent_mode: boolean;
	/** How visitor IP addresses are stored. */
	ip_mode: IpMode;
	/** How many concurrent visitors are listed; the rest are only counted. */
	visitor_cap: number;
	/** Proxies whose `X-Forwarded-For` is trusted: IP addresses or CIDR ranges. */
	trusted_proxies: string[];
}

/** The fields a `POST` may change; only the changed ones are sent. */
export type SettingsChanges = Partial<
	Omit< Settings, 'effective_sidecar_url' >
>;

/** A failed request, normalised from a REST error or a network failure. */
export interface RequestError {
	/** Machine code, e.g. `rest_forbidden` or `rest_invalid_param`. */
	code: string;
	/** Human-readable message from the server, or a fallback. */
	message: string;
	/** HTTP status when the server sent one. */
	status: number | null;
	/** Per-field messages (from `data.params` of `rest_invalid_param`). */
	details: string[];
}

/** Where the latest save stands; `changes` are the fields it sent, so each part of the screen can tell whether it is about them. */
export type SaveStatus =
	| { status: 'idle' }
	| { status: 'saving'; changes: SettingsChanges }
	| { status: 'saved'; changes: SettingsChanges }
	| { status: 'error'; changes: SettingsChanges; error: RequestError };

/** State of the `livedesk/settings` store. */
export interface SettingsState {
	/** Last values the server confirmed; null until loaded. */
	settings: Settings | null;
	/** Why loading failed; null while loading or once loaded. */
	loadError: RequestError | null;
	save: SaveStatus;
}

/** Every action the store's reducer handles. */
export type SettingsAction =
	| { type: 'FETCH_SETTINGS_START' }
	| { type: 'RECEIVE_SETTINGS'; settings: Settings }
	| { type: 'RECEIVE_SETTINGS_ERROR'; error: RequestError }
	| { type: 'SAVE_SETTINGS_START'; changes: SettingsChanges }
	| {
			type: 'SAVE_SETTINGS_SUCCESS';
			changes: SettingsChanges;
			settings: Settings;
	  }
	| {
			type: 'SAVE_SETTINGS_ERROR';
			changes: SettingsChanges;
			error: RequestError;
	  }
	| { type: 'CLEAR_SAVE_STATUS' };

/** What thunks and resolvers of this store receive (only what they use). */
export interface SettingsThunkArgs {
	dispatch: ( action: SettingsAction ) => unknown;
}
