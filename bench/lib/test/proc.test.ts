/**
 * Internal dependencies
 */
import {
	ProcessProbe,
	cpuPercent,
	machineBusyPercent,
	parseMachineTicks,
	parseStatTicks,
	parseStatusMemory,
} from '../proc';

// Fields 1–17 of /proc/<pid>/stat, then the rest cut short.
function stat( comm: string, utime: number, stime: number ): string {
	return `4242 (${ comm }) S 1 4242 4242 0 -1 4194560 100 0 0 0 ${ utime } ${ stime } 0 0 20 0 11 0`;
}

describe( 'parseStatTicks', () => {
	it( 'adds utime and stime', () => {
		expect( parseStatTicks( stat( 'node', 1200, 345 ) ) ).toBe( 1545 );
	} );

	it( 'reads past a command name with spaces and parentheses', () => {
		expect( parseStatTicks( stat( 'a) (b c', 7, 3 ) ) ).toBe( 10 );
	} );

	it( 'refuses text without the CPU fields', () => {
		expect( () => parseStatTicks( '1 (x) S 1' ) ).toThrow( /utime/ );
	} );
} );

describe( 'parseStatusMemory', () => {
	const status = [
		'Name:\tnode',
		'VmPeak:\t 1200000 kB',
		'VmHWM:\t  481234 kB',
		'VmRSS:\t  470000 kB',
		'RssAnon:\t  420000 kB',
		'RssFile:\t   50000 kB',
		'RssShmem:\t       0 kB',
	].join( '\n' );

	it( 'reads RSS, its peak and its parts in bytes', () => {
		expect( parseStatusMemory( status ) ).toEqual( {
			rss: 470000 * 1024,
			peakRss: 481234 * 1024,
			rssAnon: 420000 * 1024,
			rssFile: 50000 * 1024,
		} );
	} );

	it( 'names the missing field', () => {
		expect( () => parseStatusMemory( 'Name:\tnode\n' ) ).toThrow( /VmRSS/ );
	} );
} );

describe( 'machine ticks', () => {
	const proc = ( line: string ) =>
		`${ line }\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 123\n`;

	it( 'counts idle and iowait as not busy, guest time once', () => {
		// user nice system idle iowait irq softirq steal guest guest_nice
		expect(
			parseMachineTicks( proc( 'cpu  100 10 50 800 40 5 5 0 30 0' ) )
		).toEqual( { busy: 170, total: 1010 } );
	} );

	it( 'gives the busy share between two readings', () => {
		const from = parseMachineTicks(
			proc( 'cpu  100 0 0 900 0 0 0 0 0 0' )
		);
		const to = parseMachineTicks(
			proc( 'cpu  250 0 50 1100 0 0 0 0 0 0' )
		);
		expect( machineBusyPercent( from, to ) ).toBe( 50 );
	} );
} );

describe( 'cpuPercent', () => {
	it( 'is CPU seconds per wall second, in % of one core', () => {
		expect(
			cpuPercent(
				{ at: 1000, cpuSeconds: 2 },
				{ at: 3000, cpuSeconds: 3.5 }
			)
		).toBe( 75 );
	} );

	it( 'is 0 over no wall time', () => {
		const reading = { at: 5, cpuSeconds: 1 };
		expect( cpuPercent( reading, reading ) ).toBe( 0 );
	} );
} );

describe( 'ProcessProbe', () => {
	it( 'reads this very process', () => {
		const probe = new ProcessProbe( process.pid, 100 );
		const before = probe.read();
		// Burn some CPU so the second reading is later and not smaller.
		let x = 0;
		for ( let i = 0; i < 2e6; i++ ) {
			x += Math.sqrt( i );
		}
		const after = probe.read();
		expect( x ).toBeGreaterThan( 0 );
		expect( after.at ).toBeGreaterThan( before.at );
		expect( after.cpuSeconds ).toBeGreaterThanOrEqual( before.cpuSeconds );
		const memory = probe.memory();
		expect( memory.rss ).toBeGreaterThan( 10 * 1024 * 1024 );
		expect( memory.peakRss ).toBeGreaterThanOrEqual( memory.rss );
		expect( memory.rssAnon + memory.rssFile ).toBeLessThanOrEqual(
			memory.rss
		);
	} );
} );
