/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/** Props of the heading block at the top of every LiveDesk screen. */
export interface ScreenHeaderProps {
	/** The screen's title, rendered as the page's only `<h1>`. */
	title: string;
	/** One short sentence on what the screen is for. */
	description?: ReactNode;
}
