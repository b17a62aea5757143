/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/** Props of the message a screen shows when it has nothing to list yet. */
export interface EmptyStateProps {
	/** Short statement of what is empty, rendered as an `<h2>`. */
	title: string;
	/** What will fill the screen, and when. */
	children: ReactNode;
	/** Optional follow-up, such as a link to Settings. */
	actions?: ReactNode;
}
