// A small client of the graphql-transport-ws protocol (the GraphQL over WebSocket protocol of the graphql-ws
// project): connection_init and ack, subscribe / next / error / complete, pong to the server's pings, and a new
// connection with the same subscriptions after the socket drops (growing, jittered delays). The page's session
// cookie goes with the upgrade request, so the server knows who is watching.
(function (global) {
  'use strict';

  class GraphQLSocket {
    constructor(url, options) {
      this.url = url;
      this.onState = (options && options.onState) || function () {};
      this.operations = new Map();
      this.nextId = 1;
      this.attempt = 0;
      this.acknowledged = false;
      this.stopped = false;
      this.connect();
    }

    connect() {
      const socket = new WebSocket(this.url, 'graphql-transport-ws');
      this.socket = socket;
      this.acknowledged = false;
      socket.addEventListener('open', () => this.send({ type: 'connection_init', payload: {} }));
      socket.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
      socket.addEventListener('close', () => {
        this.acknowledged = false;
        this.onState('offline');
        if (!this.stopped) {
          const delay = Math.min(30000, 500 * Math.pow(2, this.attempt++)) * (0.5 + Math.random() / 2);
          setTimeout(() => this.connect(), delay);
        }
      });
    }

    receive(message) {
      const operation = message.id ? this.operations.get(message.id) : undefined;
      switch (message.type) {
        case 'connection_ack':
          this.acknowledged = true;
          this.attempt = 0;
          this.onState('live');
          this.operations.forEach((op, id) => this.start(id, op));
          break;
        case 'ping':
          this.send({ type: 'pong' });
          break;
        case 'next':
          if (operation) {
            operation.next(message.payload);
          }
          break;
        case 'error':
          if (operation) {
            this.operations.delete(message.id);
            operation.error(message.payload);
          }
          break;
        case 'complete':
          this.operations.delete(message.id);
          break;
        default:
          break;
      }
    }

    /** Starts an operation; returns a function that stops it. */
    subscribe(query, variables, next, error) {
      const id = String(this.nextId++);
      const operation = { query: query, variables: variables, next: next, error: error || function (e) { console.warn(e); } };
      this.operations.set(id, operation);
      if (this.acknowledged) {
        this.start(id, operation);
      }

      return () => {
        if (this.operations.delete(id) && this.acknowledged) {
          this.send({ id: id, type: 'complete' });
        }
      };
    }

    start(id, operation) {
      this.send({ id: id, type: 'subscribe', payload: { query: operation.query, variables: operation.variables } });
    }

    send(message) {
      if (this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify(message));
      }
    }

    close() {
      this.stopped = true;
      this.socket.close(1000);
    }
  }

  global.GraphQLSocket = GraphQLSocket;
})(window);
