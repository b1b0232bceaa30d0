// Starts GraphiQL against this site's /graphql, sending the signed-in person's session cookie.
(function () {
    'use strict';
    var fetcher = GraphiQL.createFetcher({
        url: '/graphql',
        fetch: function (url, options) {
            options = options || {};
            options.credentials = 'same-origin';
            options.headers = Object.assign({ accept: 'application/graphql-response+json' }, options.headers || {});
            return window.fetch(url, options);
        }
    });
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultQuery: '# Store API. Try:\n{\n  viewer { kind userId resellerId }\n  plans { code name prices { period amount currency } }\n}\n'
    }));
}());
