// Syntax-check Cypher with Neo4j's own grammar (@neo4j-cypher/language-support).
// stdin: a JSON array of query strings. stdout: a JSON array, one list of diagnostics per query
// ({severity, message, line, character}); [] means the query is valid. "Parameter $x is not
// defined." is dropped: plangraph passes its values as parameters on purpose.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const queries = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const isParam = (d) => /^Parameter \$\S+ is not defined\.$/.test(d.message);
const out = queries.map((query) =>
  lintCypherQuery(query, {}).diagnostics
    .filter((d) => !isParam(d))
    .map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      character: d.range.start.character + 1,
    })),
);
process.stdout.write(JSON.stringify(out));
