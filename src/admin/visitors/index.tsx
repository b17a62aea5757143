/**
 * Internal dependencies
 */
import { mountScreen } from '../mount';
import VisitorsScreen from './visitors-screen';

mountScreen( () => <VisitorsScreen /> );
