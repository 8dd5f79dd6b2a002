/**
 * Errors raised before GraphQL runs (malformed HTTP, body parsing, unknown routes), answered as
 * JSON in the GraphQL response shape so a GraphQL client can show them.
 */
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.js';

/** Time a client has to send a whole request (headers and body), in ms. */
export const REQUEST_RECEIVE_TIMEOUT_MS = 10_000;

export function jsonError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** The request's path, without its query string. */
export function pathOf(request: FastifyRequest): string {
  const end = request.url.indexOf('?');
  return end === -1 ? request.url : request.url.slice(0, end);
}

export async function notFound(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const path = pathOf(request);
  await reply.code(404).send(jsonError(`No route for ${request.method} ${path}`, 'NOT_FOUND'));
}

/** fastify's body-parsing errors by code; anything else 4xx keeps its status and message. */
export function errorHandler(logger: Logger, bodyLimitBytes: number) {
  return async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send(
          jsonError(
            `Request body is larger than the limit of ${bodyLimitBytes} bytes (REQUEST_BODY_LIMIT).`,
            'PAYLOAD_TOO_LARGE',
          ),
        );
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
    ) {
      return reply.code(400).send(jsonError('Request body is not valid JSON.', 'BAD_REQUEST'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const type = request.headers['content-type'] ?? '(none)';
      return reply
        .code(415)
        .send(
          jsonError(
            `Unsupported content-type ${JSON.stringify(type)}: send application/json.`,
            'UNSUPPORTED_MEDIA_TYPE',
          ),
        );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send(jsonError(error.message, 'BAD_REQUEST'));
    }
    logger.error({ err: error, path: request.url }, 'unhandled error in HTTP layer');
    return reply.code(500).send(jsonError('Internal server error', 'INTERNAL_SERVER_ERROR'));
  };
}

/**
 * Node's HTTP parser refuses what is not HTTP before fastify sees a request: headers over
 * Node's limit (431), a request not received in time, e.g. a body shorter than its
 * Content-Length (408), bytes that are no request, e.g. what follows a body longer than its
 * Content-Length (400). Answered in the same JSON shape, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'REQUEST_HEADER_FIELDS_TOO_LARGE',
          `The request's headers are larger than the ${maxHeaderSize} bytes accepted.`,
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [
            408,
            'REQUEST_TIMEOUT',
            `The request was not received in full within ${REQUEST_RECEIVE_TIMEOUT_MS / 1000} s ` +
              '(is its Content-Length larger than its body?).',
          ]
        : [
            400,
            'BAD_REQUEST',
            'The request is not valid HTTP/1.1 (is a Content-Length smaller than its body?).',
          ];
  const body = JSON.stringify(jsonError(message, code));
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // end, not destroy: a client still sending would get a reset and could lose the answer.
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 1_000).unref();
}
