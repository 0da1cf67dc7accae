// The line-keeping XML reader behind pom.xml and *.csproj facts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseXmlTree, at, kids, descendants } from '../../src/core/ecosystems/java/detect/xml-tree';

test('elements keep the line of their opening tag, text is trimmed and entities decoded', () => {
  const doc = parseXmlTree('<?xml version="1.0"?>\n<!-- a\n comment -->\n<project xmlns="urn:x">\n  <name>A &amp; B</name>\n  <deps>\n    <dep id="1"/>\n    <dep\n      id=\'2\'>two</dep>\n  </deps>\n</project>\n');
  const project = at(doc, 'project');
  assert.equal(project?.line, 4);
  assert.equal(project?.attrs.xmlns, 'urn:x');
  assert.deepEqual([at(project, 'name')?.text, at(project, 'name')?.line], ['A & B', 5]);
  assert.deepEqual(kids(at(project, 'deps'), 'dep').map((d) => [d.attrs.id, d.text, d.line]), [['1', '', 7], ['2', 'two', 8]]);
});

test('CDATA is text, namespace prefixes are ignored when looking up children, comments hide tags', () => {
  const doc = parseXmlTree('<p:root xmlns:p="urn:p">\n<p:a><![CDATA[<raw> & stuff]]></p:a>\n<!-- <b>hidden</b> -->\n<b>seen</b>\n</p:root>');
  const root = at(doc, 'root');
  assert.equal(at(root, 'a')?.text, '<raw> & stuff');
  assert.deepEqual(descendants(doc, 'b').map((b) => b.text), ['seen']);
});

test('unbalanced input does not throw (callers validate first, but the reader stays total)', () => {
  assert.doesNotThrow(() => parseXmlTree('</a><b><c></b>text<'));
  assert.doesNotThrow(() => parseXmlTree('<a' + ' x="1"'.repeat(2000)));
  assert.equal(at(parseXmlTree(''), 'project'), undefined);
});
