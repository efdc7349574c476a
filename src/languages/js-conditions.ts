// Which environment a JavaScript condition is true in, read from its shape and names.
import { environmentOfName, environmentOfValue, opposite, type Environment } from './environment-words.js';
import {
  memberPropertyName,
  moduleLevelInit,
  stringValue,
  unwrap,
  type JsModule,
  type JsNode,
} from './javascript.js';

export function classifyJsCondition(module: JsModule, node: JsNode, depth = 0): Environment {
  const value = unwrap(node);
  if (!value || depth > 6) return 'unknown';
  switch (value.type) {
    case 'UnaryExpression':
      return value.operator === '!'
        ? opposite(classifyJsCondition(module, value.argument, depth + 1))
        : 'unknown';
    case 'BinaryExpression': {
      const literal = stringValue(value.right) ?? stringValue(value.left);
      if (literal === null) return 'unknown';
      const environment = environmentOfValue(literal);
      if (value.operator === '===' || value.operator === '==') return environment;
      if (value.operator === '!==' || value.operator === '!=') return opposite(environment);
      return 'unknown';
    }
    case 'LogicalExpression': {
      const left = classifyJsCondition(module, value.left, depth + 1);
      const right = classifyJsCondition(module, value.right, depth + 1);
      if (value.operator === '&&')
        return left === 'development' || right === 'development' ? 'development' : left;
      if (value.operator === '||') return left === right ? left : 'unknown';
      return 'unknown';
    }
    case 'ConditionalExpression': {
      const whenTrue = unwrap(value.consequent);
      const whenFalse = unwrap(value.alternate);
      const test = classifyJsCondition(module, value.test, depth + 1);
      if (whenTrue?.type === 'BooleanLiteral' && whenFalse?.type === 'BooleanLiteral') {
        return whenTrue.value ? test : opposite(test);
      }
      return 'unknown';
    }
    case 'CallExpression': {
      // `url.startsWith('https')`, `host.includes('localhost')`
      const argument = value.arguments[0] ? stringValue(value.arguments[0]) : null;
      if (value.callee.type === 'MemberExpression' && argument !== null) {
        if (/^https/i.test(argument)) return 'production';
        if (/localhost|127\.0\.0\.1/i.test(argument)) return 'development';
      }
      return 'unknown';
    }
    case 'Identifier': {
      const init = moduleLevelInit(module, value.name);
      if (init) {
        const viaInit = classifyJsCondition(module, init, depth + 1);
        if (viaInit !== 'unknown') return viaInit;
      }
      return environmentOfName(value.name);
    }
    case 'MemberExpression': {
      const name = memberPropertyName(value);
      return name ? environmentOfName(name) : 'unknown';
    }
    default:
      return 'unknown';
  }
}
