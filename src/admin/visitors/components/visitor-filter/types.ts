/** Props of the visitor filter. */
export interface VisitorFilterProps {
	/** What is typed (controlled). */
	value: string;
	/** Called on every keystroke, and with '' when cleared. */
	onChange: ( value: string ) => void;
	/** How many visitors match, to announce; omit to say nothing. */
	matches?: number;
	/** How many visitors there are in all. */
	total?: number;
}
