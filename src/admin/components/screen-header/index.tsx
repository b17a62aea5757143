/**
 * Internal dependencies
 */
import type { ScreenHeaderProps } from './types';
import './style.scss';

/**
 * The `<h1>` and intro line shared by all LiveDesk admin screens.
 *
 * @param props The title and optional description.
 */
export default function ScreenHeader( props: ScreenHeaderProps ) {
	const { title, description } = props;
	return (
		<div className="livedesk-screen-header">
			<h1 className="wp-heading-inline">{ title }</h1>
			{ description && (
				<p className="livedesk-screen-header__description">
					{ description }
				</p>
			) }
			{ /* WordPress moves its admin notices below this marker. */ }
			<hr className="wp-header-end" />
		</div>
	);
}
