/**
 * Where the page's main thread spends its time: a V8 CPU profile (the
 * Chrome DevTools Protocol's `Profiler` domain, `.cpuprofile` format) summed
 * up by function.
 */

/** A `.cpuprofile` (the fields used here). */
export interface CpuProfile {
	nodes: Array< {
		id: number;
		callFrame: {
			functionName: string;
			url: string;
			/** 0-based. */
			lineNumber: number;
			/** 0-based. */
			columnNumber: number;
		};
	} >;
	/** The node sampled at each tick. */
	samples?: number[];
	/** µs since the previous sample. */
	timeDeltas?: number[];
	startTime: number;
	endTime: number;
}

/** Self time of one function. */
export interface Hotspot {
	/** `name (file:line:column)`, 1-based, file without its query string. */
	where: string;
	selfMs: number;
	/** Share of the time the thread was busy, %. */
	percent: number;
}

function describe( frame: CpuProfile[ 'nodes' ][ number ][ 'callFrame' ] ) {
	const name = frame.functionName || '(anonymous)';
	if ( ! frame.url ) {
		return name;
	}
	const file = frame.url
		.replace( /[?#].*$/, '' )
		.split( '/' )
		.pop();
	return `${ name } (${ file }:${ frame.lineNumber + 1 }:${
		frame.columnNumber + 1
	})`;
}

/**
 * The functions with the most self time, without idle time. `(program)`
 * is the browser's own work (style, layout, paint, parsing), `(garbage
 * collector)` V8's.
 *
 * @param profile A CPU profile.
 * @param top     How many to return.
 */
export function hotspots( profile: CpuProfile, top: number ): Hotspot[] {
	const byNode = new Map< number, number >();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	// A sample's time is the gap to the next one (the last one's is unknown).
	samples.forEach( ( node, i ) => {
		const next = deltas[ i + 1 ];
		if ( next !== undefined ) {
			byNode.set( node, ( byNode.get( node ) ?? 0 ) + next );
		}
	} );
	const byFunction = new Map< string, number >();
	for ( const node of profile.nodes ) {
		const self = byNode.get( node.id );
		if ( self === undefined || node.callFrame.functionName === '(idle)' ) {
			continue;
		}
		const key = describe( node.callFrame );
		byFunction.set( key, ( byFunction.get( key ) ?? 0 ) + self );
	}
	// Shares of the time the thread was busy (idle samples left out).
	const idle = profile.nodes
		.filter( ( node ) => node.callFrame.functionName === '(idle)' )
		.reduce( ( sum, node ) => sum + ( byNode.get( node.id ) ?? 0 ), 0 );
	const sampled = [ ...byNode.values() ].reduce( ( a, b ) => a + b, 0 );
	const total = Math.max( 1, sampled - idle );
	return [ ...byFunction ]
		.sort( ( a, b ) => b[ 1 ] - a[ 1 ] )
		.slice( 0, top )
		.map( ( [ where, micros ] ) => ( {
			where,
			selfMs: micros / 1000,
			percent: ( micros / total ) * 100,
		} ) );
}
