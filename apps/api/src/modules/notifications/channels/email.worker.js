// @ts-check
'use strict';
/**
 * The e-mail channel's thread (email.channel.ts). Composing a message and writing it to SMTP costs
 * about a millisecond of CPU; a thousand people told at once held the API's event loop for a second
 * or more, delaying every request and the Web Push beside it. Here nodemailer's pool sends on a
 * thread of its own. Plain JavaScript, loaded by path: beside its channel in the sources, beside
 * main.js in the build (webpack.config.js copies it), so neither ts-node nor a bundle entry is needed.
 */
const { parentPort, workerData } = require('node:worker_threads');
const nodemailer = require('nodemailer');

if (!parentPort) throw new Error('email.worker.js runs as a worker thread of the API');
const port = parentPort;
const transport = nodemailer.createTransport(workerData.url, { from: workerData.from });

port.on('message', (/** @type {{ seq: number, mail: import('nodemailer').SendMailOptions }} */ m) => {
  transport.sendMail(m.mail).then(
    () => port.postMessage({ seq: m.seq }),
    (error) => port.postMessage({ seq: m.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});
