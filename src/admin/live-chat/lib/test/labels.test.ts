/**
 * Internal dependencies
 */
import { authorLabel, conversationLabel, shortTime } from '../labels';

describe( 'labels', () => {
	it( 'names a conversation by name, then "Visitor N", then e-mail, then source', () => {
		const base = { name: '', email: '', source: 'widget' as const };
		expect( conversationLabel( { ...base, name: 'Ada' }, null ) ).toBe(
			'Ada'
		);
		expect( conversationLabel( base, { name: null, number: 3 } ) ).toBe(
			'Visitor 3'
		);
		expect( conversationLabel( { ...base, email: 'a@b.c' }, null ) ).toBe(
			'a@b.c'
		);
		expect( conversationLabel( { ...base, source: 'api' }, null ) ).toBe(
			'API conversation'
		);
		expect( conversationLabel( base, null ) ).toBe( 'Visitor' );
	} );

	it( 'calls the current agent "You"', () => {
		const agent = {
			author: 'agent' as const,
			agent_id: 7,
			agent_name: 'Ada',
		};
		expect( authorLabel( agent, 'Visitor 3', 7 ) ).toBe( 'You' );
		expect( authorLabel( agent, 'Visitor 3', 8 ) ).toBe( 'Ada' );
		expect(
			authorLabel( { ...agent, author: 'visitor' }, 'Visitor 3', 7 )
		).toBe( 'Visitor 3' );
	} );

	it( 'shows the time of day for today and the date otherwise', () => {
		const now = Date.parse( '2026-11-21T12:00:00Z' );
		expect( shortTime( '2026-11-21T09:30:00Z', now, 'en-GB' ) ).toMatch(
			/\d\d:\d\d/
		);
		expect( shortTime( '2026-10-02T09:30:00Z', now, 'en-GB' ) ).toMatch(
			/Oct/
		);
		expect( shortTime( null, now ) ).toBe( '' );
	} );
} );
