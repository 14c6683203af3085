// The designer's early warning for what the engine refuses at deploy (src/NetworkCenter.Workflows/Model/Parsing):
// the server stays the authority, this only saves a round trip.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'engine-subset': 'error'
      }
    }
  }
};
