"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RELIABILITY_ROWS = void 0;
const rows_faults_1 = require("./rows-faults");
const rows_input_1 = require("./rows-input");
exports.RELIABILITY_ROWS = { faults: rows_faults_1.FAULT_ROWS, inputs: rows_input_1.INPUT_ROWS };
