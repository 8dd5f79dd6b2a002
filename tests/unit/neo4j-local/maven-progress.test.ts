/** The Maven download progress the first start reports, read from `mvn -B` output lines. */
import { describe, expect, it } from 'vitest';
import { countMavenDownload, type MavenProgress } from '../../../src/neo4j-local/provision.js';

describe('countMavenDownload', () => {
  it('counts each downloaded file and its size; ignores every other line', () => {
    const progress: MavenProgress = { files: 0, bytes: 0 };
    const lines = [
      '[INFO] Scanning for projects...',
      '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j/5.26.30/neo4j-5.26.30.jar',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j/5.26.30/neo4j-5.26.30.jar (1.5 MB at 3.1 MB/s)',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-common/5.26.30/neo4j-common-5.26.30.pom (820 B at 9.1 kB/s)',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/x/y/1/y-1.jar (12 kB at 40 kB/s)',
      '[INFO] BUILD SUCCESS',
    ];
    expect(lines.map((l) => countMavenDownload(l, progress))).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(progress).toEqual({ files: 3, bytes: 1_500_000 + 820 + 12_000 });
  });
});
