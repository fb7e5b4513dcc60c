// placeholder
console.log('serverless-network-map');
