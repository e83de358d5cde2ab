/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Tasklist's stock config.js of camunda-webapp-webjar 7.24.0 (its shortcuts, described in Indonesian)
// with the office's name, Bahasa Indonesia and our scripts: this file takes the place of the stock
// one (the application's resources come first on the class path). The stock file lists the other
// options (dateFormat, csrfCookieName, disableWelcomeMessage, …).
import { app, LOCALES } from '../../layanan/layanan.js';

export default {
  app: app('Tasklist'),
  locales: LOCALES,
  customScripts: [
    // the service's name on the login page
    '../layanan/login.js',
    // the pages start below the header, however tall a phone makes it
    '../layanan/header-space.js',
    // "Start process" only for those who may start a request; handing tasks around only for the administrator
    'scripts/permissions.js',
    // "Permohonan saya": the applicant's own requests, from the header
    'scripts/permohonan-saya/plugin.js',
    // after "Selesaikan": the request's number and what comes next; earlier errors closed
    'scripts/step-confirmation.js',
    // after "Mulai": the new request's number and what comes next; earlier errors closed
    'scripts/start-confirmation.js',
    // the Camunda Forms' own checks in Indonesian ("Field is required." → "Wajib diisi."), and "server unreachable"
    // and the server's refusals in Tasklist's notices
    'scripts/form-messages.js'
  ],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'mengklaim tugas yang sedang dipilih'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'memindahkan fokus ke filter pertama dalam daftar'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'memindahkan fokus ke tugas pertama dalam daftar'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'memindahkan fokus ke kolom isian pertama pada formulir tugas'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'membuka dialog untuk memulai proses'
    }
  }
};
