// `newslens/embed` under node (server-side rendering, a test runner without a DOM): the widget is
// a custom element and needs a browser's DOM, so on a server importing it defines nothing and
// throws nothing; the page that receives the HTML loads the widget (embed/newslens-embed.js).
// To analyse text in node, use the package itself: `const { NewsLens } = require('newslens')`.
module.exports = {};
