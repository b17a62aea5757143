/** Props of the composer. */
export interface ComposerProps {
	/** Sends the text; the composer empties itself. */
	onSend: ( body: string ) => void;
	/** The agent started (true) or stopped (false) typing. */
	onTyping?: ( typing: boolean ) => void;
	/** Whether the composer is usable (e.g. not while archived). */
	disabled?: boolean;
	/** Changes when the conversation changes: the draft is per conversation. */
	conversationId: string;
}
