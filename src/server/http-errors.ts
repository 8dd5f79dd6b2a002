/**
 * Errors raised before GraphQL runs (body parsing, unknown routes), answered as
 * JSON in the GraphQL response shape so a GraphQL client can show them.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.js';

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
