export { humanize } from '../../shared/domain';
export { percent } from '../../shared/util';
