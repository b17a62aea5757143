/**
 * WordPress dependencies
 */
import { Card, CardBody } from '@wordpress/components';

/**
 * Internal dependencies
 */
import type { EmptyStateProps } from './types';
import './style.scss';

/**
 * A card explaining, in words, why a screen is empty and what will fill it.
 *
 * @param props The title, explanation and optional actions.
 */
export default function EmptyState( props: EmptyStateProps ) {
	const { title, children, actions } = props;
	return (
		<Card className="livedesk-empty-state">
			<CardBody>
				<h2 className="livedesk-empty-state__title">{ title }</h2>
				<div className="livedesk-empty-state__body">{ children }</div>
				{ actions && (
					<div className="livedesk-empty-state__actions">
						{ actions }
					</div>
				) }
			</CardBody>
		</Card>
	);
}
