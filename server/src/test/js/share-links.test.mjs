// A link and its key apart (static/js/share-links.mjs, issue 13 item 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './catalogue.mjs';

const { pastedKey, splitLink } = await import('../../main/resources/static/js/share-links.mjs');

const KEY = 'q3Zk8vW2mXa7RtY0cLbNgq3Zk8vW2mXa7RtY0cLbNgA';
const LINK = `https://bar.example.com/s/k3PZq8vW2mXa7RtY0cLbNg#${KEY}`;

test('a link splits into the link without its fragment and the key', () => {
  assert.deepEqual(splitLink(LINK), { link: 'https://bar.example.com/s/k3PZq8vW2mXa7RtY0cLbNg', key: KEY });
});

test('the key pasted alone is the key', () => {
  assert.equal(pastedKey(KEY), KEY);
});

test('a whole link pasted gives its key', () => {
  assert.equal(pastedKey(LINK), KEY);
});

test('spaces and line breaks a message added are dropped', () => {
  assert.equal(pastedKey(`  ${KEY.slice(0, 20)}\n${KEY.slice(20)} `), KEY);
});
