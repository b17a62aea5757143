/**
 * Internal dependencies
 */
import { fetchList, loadMessages } from './actions';
import { loadChatSettings } from './settings-actions';
import type { ChatThunkArgs, ConversationQuery } from './types';

/**
 * Loads the first page of a listing the first time it is selected.
 *
 * @param query Tab and search.
 */
export const getListState =
	( query: ConversationQuery ) =>
	( args: ChatThunkArgs ): Promise< void > =>
		fetchList( query, 1 )( args );

/**
 * Loads a conversation's messages the first time they are selected.
 *
 * @param id Public id.
 */
export const getMessagesState =
	( id: string ) =>
	( args: ChatThunkArgs ): Promise< void > =>
		loadMessages( id )( args );

/** Loads the chat settings the first time they are selected. */
export const getChatSettingsState =
	() =>
	( args: ChatThunkArgs ): Promise< void > =>
		loadChatSettings()( args );
