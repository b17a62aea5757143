/**
 * Internal dependencies
 */
import { mountScreen } from '../mount';
import AnalyticsScreen from './analytics-screen';

mountScreen( () => <AnalyticsScreen /> );
