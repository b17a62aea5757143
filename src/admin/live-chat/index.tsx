/**
 * Internal dependencies
 */
import { mountScreen } from '../mount';
import LiveChatScreen from './live-chat-screen';

mountScreen( () => <LiveChatScreen /> );
