export * from './league';
export * from './stand-ins';
