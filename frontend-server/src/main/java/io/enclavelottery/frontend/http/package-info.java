/**
 * The HTTP side of the frontend server: Undertow handlers for the REST API, health, readiness,
 * metrics and the static UI, and the limits and headers every response passes through. Handlers
 * read the view's latest snapshot and never wait on the chain on an I/O thread.
 */
package io.enclavelottery.frontend.http;
