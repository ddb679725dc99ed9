// Prints the Segment Protocols TRACK rules of every 2.0.0 event as pretty-printed JSON, for reading in
// a clone. To upload them, use the installed CLI, which prints the request body (docs/cli.md):
//   npx customerio-segment tracking-plan --body > body.json
//   curl -X PUT https://api.segmentapis.com/tracking-plans/$PLAN_ID/rules \
//     -H "Authorization: Bearer $SEGMENT_TOKEN" -H 'Content-Type: application/json' \
//     --data-binary @body.json
import { segmentTrackingPlanRules } from '../src/jsonSchema/segmentTrackingPlanRules';

process.stdout.write(`${JSON.stringify(segmentTrackingPlanRules(), null, 2)}\n`);
