import type { WeComClient } from '../client/WeComClient';
import type * as Shared from '../../shared/execution/operations';

export type OperationDefinition = Shared.OperationDefinition<WeComClient>;
export type ResourceDefinition = Shared.ResourceDefinition<WeComClient>;
