/**
 * Makes an element with a class and attributes. Text goes in with
 * textContent by the caller: nothing here parses HTML.
 *
 * @param doc       The document.
 * @param tag       Tag name.
 * @param className Class attribute ('' for none).
 * @param attrs     Attributes.
 */
export function el< K extends keyof HTMLElementTagNameMap >(
	doc: Document,
	tag: K,
	className = '',
	attrs: Record< string, string > = {}
): HTMLElementTagNameMap[ K ] {
	const node = doc.createElement( tag );
	if ( className ) {
		node.className = className;
	}
	Object.entries( attrs ).forEach( ( [ name, value ] ) =>
		node.setAttribute( name, value )
	);
	return node;
}

/**
 * A labelled form field: `<label>` with the text, an optional hint and the
 * control inside it (so the control's accessible name is the label's text).
 *
 * @param doc     The document.
 * @param control The input or textarea.
 */
export function field(
	doc: Document,
	control: HTMLInputElement | HTMLTextAreaElement
): { label: HTMLLabelElement; text: HTMLSpanElement; hint: HTMLSpanElement } {
	const label = el( doc, 'label', 'fl' );
	const text = el( doc, 'span' );
	const hint = el( doc, 'span', 'hint' );
	// The space keeps the hint a separate word in the accessible name.
	label.append( text, ' ', hint, control );
	return { label, text, hint };
}
