/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { VisitorHistoryEntry } from '../../../store/visitor-history/types';
import { formatDateTime, pageLabel } from '../../lib';

/**
 * The last pages the visitor viewed (newest first), or why they are missing.
 *
 * @param props         The history entry.
 * @param props.history
 */
export function RecentPages( { history }: { history: VisitorHistoryEntry } ) {
	switch ( history.status ) {
		case 'idle':
		case 'loading':
			return (
				<p className="livedesk-visitor-drawer__loading">
					<Spinner />
					{ __( 'Loading the visitor’s history…', 'livedesk' ) }
				</p>
			);
		case 'error':
			return (
				<p className="livedesk-visitor-drawer__error" role="alert">
					{ history.error.message }
				</p>
			);
		case 'loaded':
			if ( history.history.pages.length === 0 ) {
				return <p>{ __( 'No pages recorded yet.', 'livedesk' ) }</p>;
			}
			return (
				<ol className="livedesk-visitor-drawer__pages">
					{ history.history.pages.map( ( page, index ) => (
						<li key={ `${ page.viewed_at }-${ index }` }>
							<span className="livedesk-visitor-drawer__page-title">
								{ pageLabel( page ) }
							</span>
							<span className="livedesk-visitor-drawer__page-meta">
								{ page.path }
								{ ' · ' }
								<time dateTime={ page.viewed_at }>
									{ formatDateTime( page.viewed_at ) }
								</time>
							</span>
						</li>
					) ) }
				</ol>
			);
	}
}

/**
 * How many visits the visitor made, from the history (or "…" / "—").
 *
 * @param history The history entry.
 */
export function visitCount( history: VisitorHistoryEntry ): string {
	switch ( history.status ) {
		case 'loaded':
			return String( history.history.visit_count );
		case 'error':
			return '—';
		default:
			return '…';
	}
}
