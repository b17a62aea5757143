/** Props of the trusted proxies form. */
export interface TrustedProxiesFormProps {
	/** The proxies the server last confirmed (canonical IPs and CIDR ranges). */
	savedProxies: string[];
	/** Whether the user may change them; otherwise the field is read-only. */
	canManage: boolean;
}
