/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { store as chatStore } from '../../store/chat';
import { makeQuery } from '../../store/chat/query';
import type { ChatTarget } from '../lib/url';

/**
 * Opens what the address names: a conversation by id (loaded when it is not
 * listed), or a visitor's open conversation (looked up by a search for the
 * visitor id). Says whether it could not be found.
 *
 * @param target     What the address names.
 * @param selectedId The conversation on screen.
 * @param select     Opens a conversation.
 * @return Whether the named conversation could not be found.
 */
export function useTarget(
	target: ChatTarget,
	selectedId: string | null,
	select: ( id: string ) => void
): [ boolean, ( missing: boolean ) => void ] {
	const [ missing, setMissing ] = useState( false );
	const { loadConversation } = useDispatch( chatStore );
	const { found, search } = useSelect(
		( selectFrom ) => {
			const chat = selectFrom( chatStore );
			return target.visitor
				? {
						found: chat.getOpenConversationOfVisitor(
							target.visitor
						),
						// Selecting it starts the search (a resolver).
						search: chat.getListState(
							makeQuery( 'open', target.visitor )
						),
					}
				: {
						found: target.conversation
							? chat.getConversation( target.conversation )
							: null,
						search: null,
					};
		},
		[ target.visitor, target.conversation ]
	);

	useEffect( () => {
		if ( target.conversation && ! found ) {
			void loadConversation( target.conversation ).then( ( error ) =>
				setMissing( error !== null )
			);
		}
	}, [] ); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival

	useEffect( () => {
		if ( ! target.visitor || selectedId ) {
			return;
		}
		if ( found ) {
			select( found.id );
		} else if ( search?.status === 'ready' || search?.status === 'error' ) {
			setMissing( true );
		}
	}, [ target.visitor, found, search, selectedId, select ] );

	return [ missing, setMissing ];
}
