import { ignoreClosedPipes } from '../core/closed-pipes';
import { runCli } from './program';

ignoreClosedPipes();

process.exitCode = await runCli(process.argv);
