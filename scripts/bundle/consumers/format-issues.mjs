// A vendor who only prints issues returned by a server.
import { formatIssues } from '@cdsx/criteria';

export const show = (issues) => formatIssues(issues, 'vi');
