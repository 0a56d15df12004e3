// guidance-lifecycle: what our Tasklist adds to Camunda's, loaded through customScripts in config.js (Camunda imports
// this module before it starts the Angular app). Each part is a module of its own under forms/; Swedish time is
// shared with the other webapps (app/stockholm-time.js).
import './forms/complete-when-valid.js';
import './forms/swedish-form-texts.js';
import './forms/reference-after-start.js';
import '../../stockholm-time.js';

export default [];
