import type { KfClient } from '../client/KfClient';
import type * as Shared from '../../shared/execution/operations';

export type OperationDefinition = Shared.OperationDefinition<KfClient>;
export type ResourceDefinition = Shared.ResourceDefinition<KfClient>;
