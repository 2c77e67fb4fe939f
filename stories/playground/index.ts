export { Playground, type PlaygroundProps } from './app';
