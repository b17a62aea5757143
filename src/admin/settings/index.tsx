/**
 * Internal dependencies
 */
import { mountScreen } from '../mount';
import SettingsScreen from './settings-screen';

mountScreen( ( config ) => (
	<SettingsScreen canManage={ config.caps.manage } />
) );
