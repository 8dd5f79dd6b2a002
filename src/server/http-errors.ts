/**
 * Errors raised before GraphQL runs (body parsing, unknown routes), answered as
 * JSON in the GraphQL response shape so a GraphQL client can show them.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';

export function jsonError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** body-parser marks its errors with `type` and `status`. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json(jsonError(`No route for ${req.method} ${req.path}`, 'NOT_FOUND'));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const e = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
    if (e.type === 'entity.too.large') {
      res
        .status(413)
        .json(
          jsonError(
            `Request body is larger than the limit of ${String(e.limit)} bytes (REQUEST_BODY_LIMIT).`,
            'PAYLOAD_TOO_LARGE',
          ),
        );
      return;
    }
    if (e.type === 'entity.parse.failed') {
      res.status(400).json(jsonError('Request body is not valid JSON.', 'BAD_REQUEST'));
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      const message = error instanceof Error ? error.message : 'Bad request';
      res.status(e.status).json(jsonError(message, 'BAD_REQUEST'));
      return;
    }
    logger.error({ err: error, path: req.path }, 'unhandled error in HTTP layer');
    res.status(500).json(jsonError('Internal server error', 'INTERNAL_SERVER_ERROR'));
  };
}
