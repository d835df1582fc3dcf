import type { Types } from 'komodo_client';
import {
  UpdateDescriptionDto,
  UpdateResourceMetaDto,
  UpdateTagsOnResourceDto,
} from '../requests/lifecycle.dto';
import { ListTagsDto } from '../requests/read.dto';
import {
  CreateTagDto,
  DeleteTagDto,
  GetTagDto,
  RenameTagDto,
  UpdateTagColorDto,
} from '../requests/tags.dto';
import type { TagAnswer } from './answers';
import { entry, komodo, on, USER } from './entry';

const onTarget = on<{ target: unknown }>(undefined, 'target', 'Write');

/** Tags (hosted by the deployer), and a resource's description and tags (by its owner). */
export const TAG_REQUESTS = {
  ListTags: entry<TagAnswer[]>()('ListTags', 'read', ListTagsDto, USER, 'gateway'),
  GetTag: entry<TagAnswer>()('GetTag', 'read', GetTagDto, USER, 'gateway'),
  CreateTag: komodo('CreateTag', 'write', CreateTagDto, USER, 'deployer'),
  RenameTag: komodo('RenameTag', 'write', RenameTagDto, USER, 'deployer'),
  UpdateTagColor: komodo('UpdateTagColor', 'write', UpdateTagColorDto, USER, 'deployer'),
  DeleteTag: komodo('DeleteTag', 'write', DeleteTagDto, USER, 'deployer'),
  // The gateway sends these to the service that owns the target's kind.
  UpdateResourceMeta: komodo(
    'UpdateResourceMeta',
    'write',
    UpdateResourceMetaDto,
    onTarget,
    'gateway',
  ),
  UpdateTagsOnResource: entry<Types.NoData>()(
    'UpdateTagsOnResource',
    'write',
    UpdateTagsOnResourceDto,
    onTarget,
    'gateway',
  ),
  UpdateDescription: entry<Types.NoData>()(
    'UpdateDescription',
    'write',
    UpdateDescriptionDto,
    onTarget,
    'gateway',
  ),
};
