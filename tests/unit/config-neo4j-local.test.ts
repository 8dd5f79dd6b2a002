/** The local Neo4j's pre-flight checks: a missing tool gets one message saying what to install. */
import { afterEach, describe, expect, it } from 'vitest';
import { findJava, MissingToolError } from '../../src/neo4j-local/provision.js';
import { localNeo4jHome } from '../../src/neo4j-local/server.js';

describe('findJava', () => {
  const saved = process.env.JAVA_HOME;
  afterEach(() => {
    if (saved === undefined) delete process.env.JAVA_HOME;
    else process.env.JAVA_HOME = saved;
  });

  it('names what to install when Java is missing', () => {
    process.env.JAVA_HOME = '/nonexistent/jdk';
    expect(() => findJava()).toThrow(MissingToolError);
    expect(() => findJava()).toThrow(/Java was not found .*install a JDK.*or point NEO4J_URI/s);
  });

  it("finds this machine's Java 17 or 21", () => {
    expect(findJava()).toMatch(/java$/);
  });
});

describe('localNeo4jHome', () => {
  it('keeps one data folder per Bolt port', () => {
    expect(localNeo4jHome(7687)).toMatch(/\.neo4j\/dev$/);
    expect(localNeo4jHome(17001)).toMatch(/\.neo4j\/dev-17001$/);
  });
});
