/** Props of the visitor cap form. */
export interface VisitorCapFormProps {
	/** The cap the server last confirmed. */
	savedCap: number;
	/** Whether the user may change it; otherwise the field is read-only. */
	canManage: boolean;
}
