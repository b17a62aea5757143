<?php
/**
 * What a conversation records about its visitor when it starts.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

use LiveDesk\Database\PageViewsRepository;
use LiveDesk\Database\Time;
use LiveDesk\Database\VisitorsRepository;
use LiveDesk\Network\ClientIp;
use LiveDesk\Settings;

/**
 * Builds the visitor snapshot of a conversation (docs/chat.md) from what the
 * sidecar stored about the visitor: location, time zone, browser, language,
 * last seen and the last 10 pages, with the IP under the current IP setting.
 * A visitor the sidecar never stored (tracking off, sidecar down) gets only
 * the IP of the request.
 */
final class Snapshots {

	/** How many recent pages a conversation keeps. */
	public const PAGES = 10;

	/**
	 * Visitors table.
	 *
	 * @var VisitorsRepository
	 */
	private VisitorsRepository $visitors;

	/**
	 * Page views table.
	 *
	 * @var PageViewsRepository
	 */
	private PageViewsRepository $page_views;

	/**
	 * Settings storage, for the IP setting.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Constructor.
	 *
	 * @param VisitorsRepository  $visitors   Visitors table.
	 * @param PageViewsRepository $page_views Page views table.
	 * @param Settings            $settings   Settings storage.
	 */
	public function __construct( VisitorsRepository $visitors, PageViewsRepository $page_views, Settings $settings ) {
		$this->visitors   = $visitors;
		$this->page_views = $page_views;
		$this->settings   = $settings;
	}

	/**
	 * Conversation columns describing a visitor.
	 *
	 * @param string      $visitor_key 32 lowercase hex characters.
	 * @param string|null $request_ip  The request's client IP, used when the visitor has no stored row.
	 * @return array<string, mixed> Columns of ConversationsRepository::WRITABLE.
	 */
	public function for_visitor( string $visitor_key, ?string $request_ip ): array {
		$mode    = $this->settings->ip_mode();
		$visitor = $this->visitors->find( $visitor_key );
		if ( null === $visitor ) {
			return array( 'ip' => ClientIp::stored( $request_ip, $mode ) );
		}

		$pages = array();
		foreach ( $this->page_views->latest_for_visitor( $visitor_key, self::PAGES ) as $view ) {
			$pages[] = array(
				'path'      => $view['path'],
				'title'     => $view['title'],
				'viewed_at' => (string) ( Time::iso( $view['viewed_at'] ) ?? $view['viewed_at'] ),
			);
		}

		return array(
			// The sidecar stored it under the setting of that day; today's
			// setting may keep less (anonymising twice changes nothing).
			'ip'        => ClientIp::stored( '' === $visitor['ip'] ? null : $visitor['ip'], $mode ),
			'country'   => $visitor['country'],
			'region'    => $visitor['region'],
			'city'      => $visitor['city'],
			'timezone'  => '' !== $visitor['timezone'] ? $visitor['timezone'] : $visitor['browser_timezone'],
			'browser'   => $visitor['browser'],
			'os'        => $visitor['os'],
			'device'    => $visitor['device'],
			'language'  => $visitor['language'],
			'pages'     => $pages,
			'last_seen' => $visitor['last_seen'] . '.000',
		);
	}
}
