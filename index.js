// n8n loads this package through the `n8n` field in package.json; nothing is exported here.
module.exports = {};
