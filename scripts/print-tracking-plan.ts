// Prints the Segment Protocols TRACK rules of every 2.0.0 event as JSON, ready for the Public API:
//   tsx scripts/print-tracking-plan.ts > rules.json
//   curl -X PUT https://api.segmentapis.com/tracking-plans/$PLAN_ID/rules \
//     -H "Authorization: Bearer $SEGMENT_TOKEN" -H 'Content-Type: application/json' \
//     --data "{\"rules\": $(cat rules.json)}"
import { segmentTrackingPlanRules } from '../src/jsonSchema/segmentTrackingPlanRules';

process.stdout.write(`${JSON.stringify(segmentTrackingPlanRules(), null, 2)}\n`);
