/** All resolvers, merged. */
import type { Resolvers } from '../../generated/graphql.js';
import { DateScalar, DateTimeScalar } from '../scalars.js';
import { entityResolvers } from './entities.js';
import { factResolvers } from './facts.js';
import { provenanceResolvers } from './provenance.js';
import { Query, SearchHit } from './query.js';
import { traversalResolvers } from './traversal.js';

const totalCount = { totalCount: (c: { totalCount: () => Promise<number> }) => c.totalCount() };

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  SearchHit,
  ...entityResolvers,
  ...factResolvers,
  ...provenanceResolvers,
  ...traversalResolvers,
  CountryConnection: totalCount,
  PersonConnection: totalCount,
  OfficeConnection: totalCount,
  OrganizationConnection: totalCount,
  PlaceConnection: totalCount,
  EventConnection: totalCount,
  MeetingConnection: totalCount,
  DocumentConnection: totalCount,
  InfrastructureProjectConnection: totalCount,
  TopicConnection: totalCount,
  EntityConnection: totalCount,
  QuoteConnection: totalCount,
  ClaimConnection: totalCount,
  NumericFactConnection: totalCount,
  ArticleConnection: totalCount,
  FactConnection: totalCount,
  SentenceConnection: totalCount,
  DiscussionConnection: totalCount,
  MeetingParticipationConnection: totalCount,
  SignatureConnection: totalCount,
  MeetingLinkConnection: totalCount,
  EventLinkConnection: totalCount,
  EventParticipationConnection: totalCount,
};
