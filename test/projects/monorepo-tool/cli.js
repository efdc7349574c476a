#!/usr/bin/env node
console.log('mono: see apps/');
