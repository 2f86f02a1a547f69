/**
 * Every message the API shows a person, in Thai and English. Errors carry a key; the exception
 * filter picks the language from Accept-Language (Thai unless English is preferred).
 */
export const MESSAGES = {
  'auth.required': { th: 'กรุณาเข้าสู่ระบบ', en: 'Please sign in.' },
  'auth.invalidToken': {
    th: 'การเข้าสู่ระบบหมดอายุหรือไม่ถูกต้อง กรุณาเข้าสู่ระบบใหม่',
    en: 'Your session has expired or is invalid. Please sign in again.',
  },
  'auth.badCredentials': { th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', en: 'Wrong email or password.' },
  'auth.noSession': { th: 'ไม่พบการเข้าสู่ระบบ กรุณาเข้าสู่ระบบใหม่', en: 'No session found. Please sign in again.' },
  'auth.tooManyAttempts': {
    th: 'พยายามเข้าสู่ระบบหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
    en: 'Too many attempts. Please wait a minute and try again.',
  },
  'auth.mustChangePassword': {
    th: 'กรุณาตั้งรหัสผ่านของคุณเองก่อนใช้งาน (หน้า บัญชีของฉัน)',
    en: 'Set your own password first (on My account).',
  },
  'users.selfChange': {
    th: 'ไม่สามารถปิดการใช้งานหรือเปลี่ยนบทบาทหรือขอบเขตของบัญชีตนเองได้ ต้องให้ผู้ดูแลระบบท่านอื่นดำเนินการ',
    en: 'You cannot disable your own account or change its role or scope: another admin must do it.',
  },
  'audit.tooManyToExport': {
    th: 'รายการที่ตรงกับตัวกรองมีมากกว่า {max} รายการ กรุณากรองให้แคบลงก่อนส่งออก',
    en: 'More than {max} rows match: narrow the filters before exporting.',
  },
  'access.denied': {
    th: 'คุณไม่มีสิทธิ์ดำเนินการนี้กับหน่วยงานนี้',
    en: 'You are not allowed to do this for this unit.',
  },
  'access.noPolicy': { th: 'ไม่อนุญาตให้เข้าถึง', en: 'Access is not allowed.' },
  'access.selfApproval': {
    th: 'ไม่สามารถอนุมัติผลที่ตนเองเป็นผู้ส่งได้',
    en: 'You cannot approve your own submission.',
  },
  'access.ownEntryApproval': {
    th: 'ไม่สามารถอนุมัติผลที่ตนเองบันทึกหรือแก้ไขไว้ตั้งแต่การอนุมัติครั้งก่อนได้ ต้องให้ผู้อนุมัติท่านอื่นอนุมัติ',
    en: 'You entered or changed this value since it was last approved, so another approver must approve it.',
  },
  'notFound.unit': { th: 'ไม่พบหน่วยงานที่ระบุ', en: 'The unit was not found.' },
  'notFound.entity': { th: 'ไม่พบข้อมูลที่ระบุ', en: 'The item was not found.' },
  'notFound.route': { th: 'ไม่พบหน้าที่เรียก', en: 'Not found.' },
  'conflict.version': {
    th: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุดก่อนบันทึกอีกครั้ง',
    en: 'Someone else changed this meanwhile. Reload the latest version before saving again.',
  },
  'plan.publishNotAllowed': {
    th: 'ผู้อนุมัติของจังหวัดเท่านั้นที่เผยแพร่แผนได้',
    en: "Only the province's approver can publish the plan.",
  },
  'plan.alreadyPublished': { th: 'แผนนี้เผยแพร่แล้ว', en: 'This plan is already published.' },
  'conflict.duplicate': { th: 'มีข้อมูลนี้อยู่แล้ว', en: 'This already exists.' },
  'kpi.bandRequired': {
    th: 'ตัวชี้วัดแบบช่วงต้องระบุขอบล่างและขอบบนของช่วง (ขอบล่างไม่เกินขอบบน)',
    en: 'A band KPI needs a lower and an upper edge (lower not above upper).',
  },
  'kpi.hardLimitsInvalid': {
    th: 'ขีดจำกัดล่างของตัวชี้วัดต้องไม่เกินขีดจำกัดบน',
    en: "A KPI's lower hard limit must not be above its upper hard limit.",
  },
  'kpi.ratioPartsRequired': {
    th: 'ตัวชี้วัดแบบอัตราส่วนต้องระบุว่าตัวตั้งและตัวหารนับอะไร',
    en: 'A ratio KPI says what its numerator and its denominator count.',
  },
  'kpi.codeTaken': {
    th: 'รหัสตัวชี้วัดนี้มีอยู่แล้วในจังหวัดนี้',
    en: 'This KPI code is already used in this province.',
  },
  'kpi.ownerNotInUnit': {
    th: 'ผู้รับผิดชอบตัวชี้วัดต้องเป็นผู้ใช้งานที่ยังใช้งานอยู่ของจังหวัดเจ้าของตัวชี้วัด',
    en: "The KPI's owner must be an active user of the KPI's province.",
  },
  'target.periodInvalid': {
    th: 'งวดของค่าเป้าหมายรายงวดต้องอยู่ในปีงบประมาณนี้และตรงกับความถี่ของตัวชี้วัด',
    en: "Trajectory periods must be in this fiscal year and match the KPI's frequency.",
  },
  'result.periodInvalid': {
    th: 'งวดไม่ถูกต้องสำหรับความถี่การรายงานของตัวชี้วัดนี้',
    en: "The period does not match this KPI's reporting frequency.",
  },
  'result.futurePeriod': {
    th: 'ยังไม่ถึงงวดที่ระบุ ไม่สามารถบันทึกผลล่วงหน้าได้',
    en: 'This period has not started yet.',
  },
  'result.valueRequired': { th: 'กรุณาระบุค่าผลการดำเนินงาน', en: 'Enter a value.' },
  'result.ratioRequired': {
    th: 'ตัวชี้วัดนี้ต้องระบุทั้งตัวตั้งและตัวหาร (ตัวหารมากกว่า 0)',
    en: 'This KPI needs both numerator and denominator (denominator above 0).',
  },
  'result.outlier': {
    th: 'ค่าที่ระบุอยู่นอกช่วงที่เป็นไปได้ของตัวชี้วัดนี้ กรุณายืนยันหากถูกต้อง',
    en: "The value is outside this KPI's plausible range; confirm it if it is right.",
  },
  'result.belowHardMin': {
    th: 'ค่านี้เป็นไปไม่ได้: ตัวชี้วัดนี้ต้องไม่ต่ำกว่า {limit} {unit}',
    en: 'This value is impossible: this KPI can never be below {limit} {unit}.',
  },
  'result.aboveHardMax': {
    th: 'ค่านี้เป็นไปไม่ได้: ตัวชี้วัดนี้ต้องไม่เกิน {limit} {unit}',
    en: 'This value is impossible: this KPI can never be above {limit} {unit}.',
  },
  'result.outlierNote': {
    th: 'กรุณาอธิบายในช่องคำอธิบายว่าเหตุใดค่านี้จึงผิดปกติ ก่อนยืนยัน',
    en: 'Explain in the narrative why this value is unusual before confirming it.',
  },
  'result.locked': {
    th: 'ผลงวดนี้อนุมัติแล้วและถูกล็อก ต้องให้ผู้อนุมัติเปิดแก้ไขก่อน',
    en: 'This period is approved and locked; an approver must reopen it first.',
  },
  'result.wrongState': {
    th: 'สถานะของผลไม่อนุญาตให้ดำเนินการนี้',
    en: 'The result is not in a state that allows this.',
  },
  'result.reasonRequired': { th: 'กรุณาระบุเหตุผล', en: 'Give a reason.' },
  'project.notProvince': {
    th: 'โครงการต้องเป็นของจังหวัดหรือกลุ่มจังหวัด',
    en: 'A project belongs to a province or a cluster.',
  },
  'project.strategyOutside': {
    th: 'กลยุทธ์ที่ระบุไม่อยู่ในแผนของจังหวัดนี้',
    en: "The strategy is not in one of this province's plans.",
  },
  'project.kpiOutside': {
    th: 'ตัวชี้วัดที่ระบุไม่ใช่ของจังหวัดนี้',
    en: 'A KPI given is not one of this province.',
  },
  'project.datesInvalid': {
    th: 'วันสิ้นสุดโครงการต้องไม่ก่อนวันเริ่มต้น',
    en: 'The end date cannot be before the start date.',
  },
  'project.cancelled': {
    th: 'โครงการนี้ถูกยกเลิกแล้ว แก้ไขไม่ได้',
    en: 'This project is cancelled and can no longer be changed.',
  },
  'directive.wrongState': {
    th: 'สถานะของข้อสั่งการไม่อนุญาตให้ดำเนินการนี้ กรุณาโหลดข้อมูลล่าสุด',
    en: 'The directive is not in a state that allows this. Reload to see where it stands.',
  },
  'directive.notIssuer': {
    th: 'ผู้ว่าราชการจังหวัดเท่านั้นที่ออก ปิด หรือส่งคืนข้อสั่งการของจังหวัดได้',
    en: "Only the province's governor can issue, close or return its directives.",
  },
  'directive.notOwner': {
    th: 'ผู้รับผิดชอบข้อสั่งการเท่านั้นที่รับทราบ รายงานความก้าวหน้า หรือขอปิดได้',
    en: "Only the directive's owner can acknowledge it, report progress or ask to close it.",
  },
  'directive.notProvince': {
    th: 'ข้อสั่งการต้องเป็นของจังหวัด',
    en: 'A directive belongs to a province.',
  },
  'directive.ownerInvalid': {
    th: 'ผู้รับผิดชอบต้องเป็นผู้ใช้งานที่ยังใช้งานอยู่ของจังหวัดนี้',
    en: 'The owner must be an active user of this province.',
  },
  'directive.ownerRequired': {
    th: 'กรุณาระบุผู้รับผิดชอบ (บุคคลหรือหน่วยงาน)',
    en: 'Name the owner: a person or an agency.',
  },
  'directive.sourceOutside': {
    th: 'ตัวชี้วัด โครงการ หรือความเสี่ยงที่อ้างถึงไม่ใช่ของจังหวัดนี้',
    en: 'The KPI, project or risk it refers to is not one of this province.',
  },
  'directive.oneSource': {
    th: 'ข้อสั่งการอ้างถึงได้เพียงหนึ่งรายการ (ตัวชี้วัด โครงการ หรือความเสี่ยง)',
    en: 'A directive refers to one thing only: a KPI, a project or a risk.',
  },
  'directive.dueInPast': {
    th: 'วันครบกำหนดต้องไม่ก่อนวันนี้',
    en: 'The due date cannot be before today.',
  },
  'meeting.notRunner': {
    th: 'เฉพาะเลขานุการการประชุม (เจ้าหน้าที่ยุทธศาสตร์จังหวัด) และผู้ว่าราชการจังหวัดเท่านั้นที่จัดการประชุมของจังหวัดได้',
    en: "Only the province's meeting secretary (its strategy office) and its governor can run its meetings.",
  },
  'meeting.notProvince': {
    th: 'การประชุมประจำเดือนต้องเป็นของจังหวัด',
    en: 'A monthly meeting belongs to a province.',
  },
  'meeting.wrongState': {
    th: 'สถานะของการประชุมไม่อนุญาตให้ดำเนินการนี้ กรุณาโหลดข้อมูลล่าสุด',
    en: 'The meeting is not in a state that allows this. Reload to see where it stands.',
  },
  'meeting.itemOutside': {
    th: 'วาระนี้ไม่อยู่ในการประชุมนี้',
    en: 'This agenda item is not one of this meeting.',
  },
  'meeting.noChair': {
    th: 'จังหวัดยังไม่มีผู้ว่าราชการจังหวัดในระบบเป็นประธานการประชุม จึงออกข้อสั่งการไม่ได้',
    en: 'The province has no governor in the system to chair the meeting, so no directive can be issued.',
  },
  'meeting.hasDirective': {
    th: 'มตินี้ออกเป็นข้อสั่งการแล้ว',
    en: 'This decision has already become a directive.',
  },
  'risk.notProvince': {
    th: 'ความเสี่ยงระดับองค์กรต้องเป็นของจังหวัด',
    en: 'An organisation-level risk belongs to a province.',
  },
  'risk.residualPair': {
    th: 'กรุณาระบุความเสี่ยงคงเหลือทั้งโอกาสและผลกระทบ หรือเว้นว่างทั้งคู่',
    en: 'Give both the residual likelihood and impact, or neither.',
  },
  'risk.residualAboveInherent': {
    th: 'ความเสี่ยงคงเหลือต้องไม่สูงกว่าความเสี่ยงก่อนจัดการ',
    en: 'The residual risk cannot be higher than the risk before treatment.',
  },
  'risk.closed': {
    th: 'ความเสี่ยงนี้ปิดแล้ว ประเมินใหม่ไม่ได้',
    en: 'This risk is closed and can no longer be reassessed.',
  },
  'followUp.notPublisher': {
    th: 'ผู้ว่าราชการจังหวัดเท่านั้นที่เปิดเผยข้อสั่งการและความเสี่ยงของจังหวัดต่อสาธารณะได้',
    en: "Only the province's governor can publish its directives and risks.",
  },
  'progress.periodInvalid': {
    th: 'งวดของความก้าวหน้าต้องเป็นรายเดือน เช่น 2569-M03',
    en: 'Progress is reported per month, e.g. 2569-M03.',
  },
  'statusThresholds.invalid': {
    th: 'เกณฑ์สีเหลืองต้องไม่เกินเกณฑ์สีเขียว',
    en: 'The amber threshold cannot be above the green one.',
  },
  'disbursementTarget.invalid': {
    th: 'เป้าหมายการเบิกจ่ายสะสมต้องอยู่ระหว่าง 0–100 และไม่ลดลงจากไตรมาสก่อนหน้า',
    en: 'Cumulative targets must lie within 0–100 and never decrease from one quarter to the next.',
  },
  'import.fileRequired': {
    th: 'กรุณาแนบไฟล์ในช่อง file',
    en: 'Attach the spreadsheet in the "file" field.',
  },
  'import.unreadable': {
    th: 'อ่านไฟล์ไม่ได้ ต้องเป็นไฟล์ Excel (.xlsx) หรือ CSV',
    en: 'The file cannot be read; it must be an Excel workbook (.xlsx) or a CSV file.',
  },
  'import.legacyXls': {
    th: 'ไม่รองรับไฟล์ Excel รุ่นเก่า (.xls) กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8 แล้วนำเข้าใหม่',
    en: 'Old Excel files (.xls) are not supported; save it as .xlsx or CSV UTF-8 and import again.',
  },
  'import.tooManyRows': {
    th: 'ไฟล์มีจำนวนแถวมากเกินกำหนด (ไม่เกิน 5,000 แถว)',
    en: 'The file has too many rows (at most 5,000).',
  },
  'import.limitUnpacked': {
    th: 'ไฟล์ .xlsx เมื่อแตกไฟล์แล้วมีขนาดเกินกำหนด (ไม่เกิน 200 MB) อาจเป็นไฟล์เสียหายหรือไม่ใช่ตารางข้อมูล',
    en: 'The .xlsx file unpacks to more than the limit (at most 200 MB unpacked); it is damaged or not a data table.',
  },
  'import.limitEntries': {
    th: 'ไฟล์ .xlsx มีไฟล์ย่อยภายในมากเกินกำหนด (ไม่เกิน 1,000 ไฟล์)',
    en: 'The .xlsx file holds too many parts inside (at most 1,000).',
  },
  'import.limitCells': {
    th: 'ไฟล์มีจำนวนเซลล์ (แถว × คอลัมน์) มากเกินกำหนด กรุณาลบคอลัมน์หรือแถวที่ไม่ใช่ส่วนของตารางแล้วนำเข้าใหม่',
    en: 'The file has too many cells (rows × columns); remove the columns or rows that are not part of the table and import again.',
  },
  'import.limitCellText': {
    th: 'ข้อความในเซลล์ยาวเกินกำหนด (ไม่เกินประมาณ 1,000,000 ตัวอักษรต่อเซลล์)',
    en: 'A cell holds too much text (at most about 1,000,000 characters).',
  },
  'import.noHeader': {
    th: 'ไม่พบแถวหัวตาราง ต้องมีคอลัมน์ รหัสตัวชี้วัด งวด และ ค่า (หรือ ตัวตั้ง/ตัวหาร)',
    en: 'No header row found: the sheet needs the columns KPI code, period and value (or numerator/denominator).',
  },
  'import.rejected': {
    th: 'ไฟล์มีข้อผิดพลาด ยังไม่มีการบันทึกข้อมูลใด ๆ กรุณาแก้ไขแถวที่ระบุแล้วนำเข้าใหม่',
    en: 'The file has errors; nothing was saved. Correct the rows listed and import again.',
  },
  'planImport.noHeader': {
    th: 'ไม่พบแถวหัวตารางของแผน (ต้องมีคอลัมน์ รหัสประเด็นยุทธศาสตร์ รหัสเป้าประสงค์ และรหัสตัวชี้วัด) ดู docs/plan-import.md',
    en: 'No plan header row found (it needs the columns issue code, goal code and KPI code); see docs/plan-import.md.',
  },
  'planImport.tooManyRows': {
    th: 'ไฟล์มีเกิน 1,000 แถว ซึ่งไม่ใช่แผนของจังหวัดหนึ่ง',
    en: 'The file has more than 1,000 rows, which is not one plan.',
  },
  'planImport.noPlan': {
    th: 'ยังไม่มีแผนที่ครอบคลุมปีงบประมาณนี้ แผนใหม่สร้างในหน้าจัดทำแผน แล้วจึงนำเข้าตัวชี้วัดและค่าเป้าหมาย',
    en: 'No plan covers this fiscal year. Build the new plan in the plan builder first, then import its KPIs and targets.',
  },
  'planImport.codeRequired': { th: 'กรุณาระบุรหัส', en: 'Enter the code.' },
  'planImport.codeInvalid': {
    th: 'รหัสใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข จุด ขีด และขีดล่าง',
    en: 'A code has letters, digits, dots, dashes and underscores only.',
  },
  'planImport.nameRequired': { th: 'กรุณาระบุชื่อ', en: 'Enter the name.' },
  'planImport.inconsistent': {
    th: 'รหัสเดียวกันมีชื่อหรือประเด็นต่างกันในแถวอื่นของไฟล์',
    en: 'The same code has another name or issue on another row of the file.',
  },
  'planImport.duplicate': {
    th: 'ตัวชี้วัดนี้ซ้ำกับแถวก่อนหน้าในไฟล์',
    en: 'This KPI already appears on an earlier row of the file.',
  },
  'planImport.pillarInvalid': {
    th: 'ยุทธศาสตร์ชาติต้องเป็นเลข 1 ถึง 6',
    en: 'The national pillar is a number from 1 to 6.',
  },
  'planImport.kpiMoved': {
    th: 'ตัวชี้วัดรหัสนี้อยู่ใต้เป้าประสงค์อื่นแล้ว การนำเข้าไม่ย้ายตัวชี้วัดข้ามเป้าประสงค์',
    en: 'This KPI code is already under another goal; the import does not move KPIs between goals.',
  },
  'planImport.nameEnRequired': {
    th: 'กรุณาระบุชื่อภาษาอังกฤษ (ต้องมีเมื่อสร้างใหม่ เช่นเดียวกับในหน้าจัดทำแผน)',
    en: 'Enter the English name (a new item needs one, as in the plan builder).',
  },
  'planImport.strategyDuplicate': {
    th: 'รหัสกลยุทธ์นี้ใช้กับเป้าประสงค์อื่นหรือชื่ออื่นแล้ว (ในไฟล์หรือในแผน)',
    en: 'This strategy code is already used for another goal or name (in the file or the plan).',
  },
  'planImport.clusterGoalUnknown': {
    th: 'ไม่พบเป้าประสงค์รหัสนี้ในแผนของกลุ่มจังหวัดที่ครอบคลุมปีงบประมาณนี้',
    en: "No goal with this code in the plan of the province's cluster covering this fiscal year.",
  },
  'planImport.linkUnknown': {
    th: 'ไม่พบเป้าประสงค์รหัสนี้ในแผนหรือในไฟล์',
    en: 'No goal with this code in the plan or the file.',
  },
  'planImport.linkSelf': {
    th: 'เป้าประสงค์ส่งผลต่อตัวเองไม่ได้',
    en: 'A goal cannot lead to itself.',
  },
  'planImport.linkLoop': {
    th: 'ลูกศรนี้ทำให้เกิดวงวน (เป้าประสงค์ปลายทางย้อนกลับมาที่ต้นทาง)',
    en: 'This arrow would close a loop (the effect leads back to the cause).',
  },
  'planImport.kpiColumnsWithoutCode': {
    th: 'แถวนี้มีข้อมูลตัวชี้วัดแต่ไม่มีรหัสตัวชี้วัด (แถวที่มีแต่กลยุทธ์หรือลูกศรไม่ต้องมีรหัสตัวชี้วัด)',
    en: 'This row has KPI values but no KPI code (a row with only a strategy or arrows needs none).',
  },
  'planImport.tooLong': { th: 'ข้อความยาวเกินกำหนด', en: 'The text is too long.' },
  'planImport.wordRequired': { th: 'กรุณาระบุค่า', en: 'Enter a value.' },
  'planImport.wordUnknown': {
    th: 'ไม่รู้จักคำนี้ ดูคำที่ใช้ได้ใน docs/plan-import.md',
    en: 'Unknown word; see the words allowed in docs/plan-import.md.',
  },
  'planImport.fixedChanged': {
    th: 'ทิศทาง ความถี่ และการรวมผลของตัวชี้วัดที่มีอยู่แล้วเปลี่ยนไม่ได้',
    en: "An existing KPI's direction, frequency and roll-up cannot change.",
  },
  'planImport.yearInvalid': {
    th: 'ปีต้องเป็น พ.ศ. 4 หลัก เช่น 2568',
    en: 'The year is a 4-digit B.E. year, e.g. 2568.',
  },
  'planImport.targetImpossible': {
    th: 'ค่าเป้าหมายอยู่นอกขีดจำกัดของตัวชี้วัด (เป็นไปไม่ได้)',
    en: "The target is outside the KPI's hard limits (impossible).",
  },
  'planImport.targetRequired': {
    th: 'มีเป้าหมายรายงวดต้องมีค่าเป้าหมายทั้งปีด้วย',
    en: 'A trajectory needs the yearly target too.',
  },
  'planImport.trajectoryInvalid': {
    th: 'เป้าหมายรายงวดต้องมีตัวเลขครบทุกงวดตามความถี่ คั่นด้วย ; (งวดที่ไม่กำหนดเว้นว่างได้)',
    en: "The trajectory needs one number per period of the KPI's frequency, separated by ; (a blank period is allowed).",
  },
  'import.kpiRequired': { th: 'กรุณาระบุรหัสตัวชี้วัด', en: 'Enter the KPI code.' },
  'import.kpiUnknown': {
    th: 'ไม่พบรหัสตัวชี้วัดนี้ในแผนของจังหวัดสำหรับปีงบประมาณนี้',
    en: "No KPI with this code in the province's plan for this fiscal year.",
  },
  'import.kpiOtherProvince': {
    th: 'รหัสตัวชี้วัดนี้เป็นของจังหวัดอื่น ไม่ใช่ของจังหวัดที่นำเข้า',
    en: 'This KPI code belongs to another province, not the one being imported.',
  },
  'import.provinceMismatch': {
    th: 'รหัสจังหวัดในแถวนี้ไม่ตรงกับจังหวัดที่นำเข้า',
    en: 'The province code on this row is not the province being imported.',
  },
  'import.periodRequired': { th: 'กรุณาระบุงวด เช่น 2569-M01', en: 'Enter the period, e.g. 2569-M01.' },
  'import.periodOutsideYear': {
    th: 'งวดนี้ไม่อยู่ในปีงบประมาณที่นำเข้า',
    en: 'This period is not in the fiscal year being imported.',
  },
  'import.duplicate': {
    th: 'ตัวชี้วัดและงวดนี้ซ้ำกับแถวก่อนหน้าในไฟล์',
    en: 'This KPI and period already appear on an earlier row of the file.',
  },
  'import.submitted': {
    th: 'ผลงวดนี้ส่งให้ผู้อนุมัติแล้ว แก้ไขผ่านการนำเข้าไม่ได้จนกว่าจะถูกส่งกลับ',
    en: 'This period is with the approver; it cannot be changed by import unless it is returned.',
  },
  'import.notNumber': {
    th: 'ต้องเป็นตัวเลข (ไม่เกิน 15 หลัก ทศนิยมไม่เกิน 6 ตำแหน่ง)',
    en: 'Must be a number (at most 15 digits, 6 decimals).',
  },
  'import.confirmInvalid': {
    th: 'ใส่ "ใช่" เพื่อยืนยันค่าผิดปกติ หรือเว้นว่าง',
    en: 'Enter "yes" to confirm an outlier, or leave it empty.',
  },
  'import.textTooLong': { th: 'ข้อความยาวเกิน 4,000 ตัวอักษร', en: 'The text is longer than 4,000 characters.' },
  'gfmis.tooManyRows': {
    th: 'ไฟล์มีจำนวนแถวมากเกินกำหนด (ไม่เกิน 200,000 แถว)',
    en: 'The file has too many rows (at most 200,000).',
  },
  'gfmis.noHeader': {
    th: 'ไม่พบแถวหัวตาราง ต้องมีคอลัมน์ รหัสโครงการ เดือน (หรือ วันที่) เลขที่เอกสาร และ ก่อหนี้ผูกพัน (PO) หรือ เบิกจ่าย',
    en: 'No header row found: the sheet needs the columns project code, month (or date), document number, and committed (PO) or disbursed.',
  },
  'gfmis.projectRequired': { th: 'กรุณาระบุรหัสโครงการ', en: 'Enter the project code.' },
  'gfmis.projectUnknown': {
    th: 'ไม่พบรหัสโครงการนี้ในโครงการของจังหวัดสำหรับปีงบประมาณที่นำเข้า',
    en: "No project with this code among the province's projects of the fiscal year.",
  },
  'gfmis.projectCancelled': {
    th: 'โครงการนี้ถูกยกเลิกแล้ว นำเข้าผลการเบิกจ่ายไม่ได้',
    en: 'This project is cancelled; no disbursement can be imported for it.',
  },
  'gfmis.monthRequired': {
    th: 'กรุณาระบุเดือน เช่น 2569-M03 หรือ 12/2568',
    en: 'Enter the month, e.g. 2569-M03 or 12/2568.',
  },
  'gfmis.monthInvalid': {
    th: 'รูปแบบเดือนไม่ถูกต้อง ใช้ 2569-M03, 12/2568 หรือ 2025-12',
    en: 'The month is not valid; use 2569-M03, 12/2568 or 2025-12.',
  },
  'gfmis.dateRequired': { th: 'กรุณาระบุวันที่ เช่น 15/12/2568', en: 'Enter the date, e.g. 15/12/2568.' },
  'gfmis.dateInvalid': {
    th: 'รูปแบบวันที่ไม่ถูกต้อง ใช้ 15/12/2568 หรือ 2025-12-15',
    en: 'The date is not valid; use 15/12/2568 or 2025-12-15.',
  },
  'gfmis.monthOutsideYear': {
    th: 'เดือนนี้ไม่อยู่ในปีงบประมาณที่นำเข้า',
    en: 'This month is outside the fiscal year being imported.',
  },
  'gfmis.documentRequired': { th: 'กรุณาระบุเลขที่เอกสาร', en: 'Enter the document number.' },
  'gfmis.documentTooLong': {
    th: 'เลขที่เอกสารยาวเกิน 64 ตัวอักษร',
    en: 'The document number is longer than 64 characters.',
  },
  'gfmis.lineInvalid': {
    th: 'ลำดับรายการต้องเป็นจำนวนเต็มบวก',
    en: 'The line number must be a positive whole number.',
  },
  'gfmis.amountInvalid': {
    th: 'จำนวนเงินต้องเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง',
    en: 'The amount must be a number with at most 2 decimals.',
  },
  'gfmis.amountNegative': { th: 'จำนวนเงินต้องไม่ติดลบ', en: 'The amount must not be negative.' },
  'gfmis.amountTooLarge': { th: 'จำนวนเงินเกินกว่าที่ระบบรองรับ', en: 'The amount is larger than the system holds.' },
  'gfmis.duplicate': {
    th: 'โครงการ เดือน เลขที่เอกสาร และลำดับรายการนี้ซ้ำกับแถวก่อนหน้าในไฟล์',
    en: 'The same project, month, document and line appear in an earlier row of the file.',
  },
  'gfmis.alreadyRolledBack': {
    th: 'ชุดข้อมูลนำเข้านี้ถูกยกเลิกไปแล้ว',
    en: 'This import batch has already been rolled back.',
  },
  'agreement.invalid': {
    th: 'ตัวชี้วัด น้ำหนัก หรือเกณฑ์การให้คะแนนของคำรับรองไม่ถูกต้อง กรุณาตรวจสอบ',
    en: "The agreement's indicators, weights or criterion values are not valid.",
  },
  'agreement.reasonRequired': {
    th: 'คำรับรองลงนามแล้ว การแก้ไขต้องระบุเหตุผลและจะถูกบันทึกเป็นการแก้ไขคำรับรอง',
    en: 'The agreement is signed: a change needs a reason, recorded as an amendment.',
  },
  'agreement.wrongState': {
    th: 'สถานะของคำรับรองไม่อนุญาตให้ดำเนินการนี้',
    en: 'The agreement is not in a state that allows this.',
  },
  'agreement.templateNotDraft': {
    th: 'แม่แบบคำรับรองเผยแพร่แล้ว แก้ไขไม่ได้',
    en: 'The template is published and can no longer change.',
  },
  'agreement.templateNotPublished': {
    th: 'แม่แบบคำรับรองยังไม่เผยแพร่',
    en: 'The template is not published yet.',
  },
  'agreement.provinceOnly': {
    th: 'คำรับรองการปฏิบัติราชการจัดทำสำหรับจังหวัดเท่านั้น',
    en: 'Performance agreements are made by provinces only.',
  },
  'agreement.roundNotDue': {
    th: 'ยังไม่สิ้นสุดรอบการประเมินนี้',
    en: 'This evaluation round has not ended yet.',
  },
  'agreement.roundUnderReview': {
    th: 'รอบการประเมินอยู่ระหว่างการพิจารณาของผู้ประเมินส่วนกลาง แก้ไขคำรับรองไม่ได้จนกว่าจะปิดรอบ',
    en: 'A round is under review by the central evaluator: the agreement cannot change until it is frozen.',
  },
  'agreement.roundSubmitted': {
    th: 'จังหวัดส่งผลการประเมินตนเองของรอบนี้แล้ว',
    en: 'The province has already submitted its self-assessment for this round.',
  },
  'agreement.roundNotSubmitted': {
    th: 'จังหวัดยังไม่ได้ส่งผลการประเมินตนเองของรอบนี้',
    en: 'The province has not submitted its self-assessment for this round.',
  },
  'agreement.roundFrozen': {
    th: 'รอบการประเมินนี้ปิดแล้ว แก้ไขไม่ได้',
    en: 'This round is frozen and can no longer change.',
  },
  'agreement.roundUndecided': {
    th: 'ยังมีตัวชี้วัดที่ผู้ประเมินยังไม่ได้ยอมรับหรือปรับผล',
    en: 'Some indicators have not been accepted or adjusted yet.',
  },
  'agreement.linkedIndicator': {
    th: 'ตัวชี้วัดนี้เชื่อมโยงกับตัวชี้วัดในแผน ผลมาจากผลการดำเนินงานที่อนุมัติแล้วของตัวชี้วัดนั้น',
    en: "This indicator is linked to a plan KPI: its actual comes from that KPI's approved results.",
  },
  'agreement.periodInvalid': {
    th: 'งวดต้องเป็นงวดในปีงบประมาณของคำรับรอง เช่น 2569-H1 หรือ 2569',
    en: "The period must be one of the agreement's fiscal year, e.g. 2569-H1 or 2569.",
  },
  'agreement.kpiUnknown': {
    th: 'ไม่พบรหัสตัวชี้วัดนี้ในแผนของจังหวัด',
    en: "No KPI with this code in the province's plan.",
  },
  'agreement.reasonsMissing': {
    th: 'ตัวชี้วัดที่เปลี่ยนจากแม่แบบหรือเพิ่มเองต้องระบุเหตุผลก่อนเสนอ',
    en: 'Each indicator changed from the template, or added, needs a reason before proposing.',
  },
  'agreement.returnReasonRequired': {
    th: 'การส่งกลับต้องระบุเหตุผลให้จังหวัดทราบ',
    en: 'Returning needs a reason for the province.',
  },
  'agreement.ministryOnly': {
    th: 'เฉพาะเจ้าหน้าที่ส่วนกลาง (กระทรวง) เท่านั้นที่รับหรือส่งกลับได้ และไม่ใช่ของจังหวัดตนเอง',
    en: "Only the ministry's central staff accept or return, never for their own province.",
  },
  'agreement.governorOnly': {
    th: 'เฉพาะผู้ว่าราชการจังหวัดนั้นเท่านั้นที่ลงนามคำรับรองได้',
    en: "Only the province's governor signs the agreement.",
  },
  'agreement.proposeNotAllowed': {
    th: 'เฉพาะเจ้าหน้าที่หรือผู้อนุมัติของจังหวัดเท่านั้นที่เสนอหรือขอแก้ไขคำรับรองได้',
    en: "Only the province's officers and approvers propose or amend the agreement.",
  },
  'agreement.notEditable': {
    th: 'คำรับรองอยู่ระหว่างพิจารณาหรือรอลงนาม แก้ไขไม่ได้ หากต้องแก้ไขขอให้กระทรวงส่งกลับ',
    en: 'The agreement is with the ministry or awaiting signature and cannot change; ask the ministry to return it.',
  },
  'agreement.amendmentPending': {
    th: 'มีคำขอแก้ไขคำรับรองที่รอกระทรวงพิจารณาอยู่แล้ว',
    en: 'An amendment already waits for the ministry’s decision.',
  },
  'agreement.amendmentDecided': {
    th: 'คำขอแก้ไขนี้ได้รับการพิจารณาแล้ว',
    en: 'This amendment has already been decided.',
  },
  'agreement.addAfterSigning': {
    th: 'คำรับรองลงนามแล้ว การเพิ่มตัวชี้วัดทำไม่ได้ แก้ไขได้เฉพาะน้ำหนักและเกณฑ์ผ่านคำขอแก้ไข',
    en: 'The agreement is signed: indicators cannot be added; weights and criteria change through an amendment.',
  },
  'agreement.resultLocked': {
    th: 'ผลนี้อนุมัติแล้ว การแก้ไขต้องระบุเหตุผล',
    en: 'This result is approved: changing it needs a reason.',
  },
  'analysis.monthOutsideYear': {
    th: 'เดือนที่เลือกไม่อยู่ในปีงบประมาณที่ระบุ',
    en: 'The month chosen is not in the fiscal year given.',
  },
  'validation.failed': { th: 'ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบ', en: 'Some fields are not valid.' },
  'validation.malformed': { th: 'รูปแบบคำขอไม่ถูกต้อง', en: 'The request is malformed.' },
  'validation.tooLarge': { th: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด', en: 'The request is too large.' },
  'validation.tooDeep': {
    th: 'ข้อมูล JSON ซ้อนกันลึกเกินกำหนด (ไม่เกิน 32 ชั้น)',
    en: 'The JSON body is nested too deeply (at most 32 levels).',
  },
  'validation.badText': {
    th: 'คำขอมีอักขระที่ใช้ไม่ได้ (อักขระ NUL หรืออักขระ Unicode ที่ไม่สมบูรณ์)',
    en: 'The request contains characters that cannot be used (NUL or an incomplete Unicode character).',
  },
  'server.error': {
    th: 'เกิดข้อผิดพลาดในระบบ ข้อมูลของคุณไม่ถูกบันทึก กรุณาลองใหม่อีกครั้ง',
    en: 'Something went wrong on our side; nothing was saved. Please try again.',
  },
  'server.unavailable': {
    th: 'ระบบไม่สามารถเชื่อมต่อฐานข้อมูลได้ชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่',
    en: 'The database cannot be reached for the moment. Please try again shortly.',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'th' | 'en';

/** Thai first; English when the client prefers it over Thai. */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'th';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((x) => x.lang === 'th' || x.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'th';
}

/** Values for a message's `{name}` placeholders: one for both languages, or one per language. */
export type MessageParams = Record<string, string | Record<Lang, string>>;

/** The message in `lang`, with `{name}` placeholders filled from `params`. */
export function message(key: MessageKey, lang: Lang, params?: MessageParams): string {
  const text = MESSAGES[key][lang];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    return v === undefined ? all : typeof v === 'string' ? v : v[lang];
  });
}

/** Field messages of class-validator constraints, in Thai; English uses class-validator's own text. */
export const FIELD_MESSAGES_TH: Record<string, string> = {
  whitelistValidation: 'ไม่รู้จักฟิลด์นี้',
  targetOutOfRange: 'ต้องอยู่ระหว่าง 0 ถึง 100',
  targetDecreasing: 'ต้องไม่น้อยกว่าไตรมาสก่อนหน้า (เป้าหมายสะสม)',
  amberAboveGreen: 'ต้องไม่เกินเกณฑ์สีเขียว',
  ownerNotInUnit: 'ต้องเป็นผู้ใช้งานที่ยังใช้งานอยู่ของจังหวัดเจ้าของตัวชี้วัด',
  directiveOwner: 'ต้องเป็นผู้ใช้งานที่ยังใช้งานอยู่ของจังหวัดนี้',
  ownerRequired: 'กรุณาระบุผู้รับผิดชอบหรือหน่วยงาน',
  dueInPast: 'ต้องไม่ก่อนวันนี้',
  codeTaken: 'รหัสนี้มีอยู่แล้วในจังหวัดนี้',
  ratioPartRequired: 'ตัวชี้วัดแบบอัตราส่วนต้องระบุว่าส่วนนี้นับอะไร',
  isDefined: 'จำเป็นต้องระบุ',
  isNotEmpty: 'จำเป็นต้องระบุ',
  isString: 'ต้องเป็นข้อความ',
  isEmail: 'ต้องเป็นอีเมลที่ถูกต้อง',
  isInt: 'ต้องเป็นจำนวนเต็ม',
  isNumber: 'ต้องเป็นตัวเลข',
  isBoolean: 'ต้องเป็นจริงหรือเท็จ',
  isUuid: 'รูปแบบรหัสไม่ถูกต้อง',
  isIn: 'ไม่อยู่ในค่าที่อนุญาต',
  isEnum: 'ไม่อยู่ในค่าที่อนุญาต',
  maxLength: 'ยาวเกินกำหนด',
  minLength: 'สั้นเกินกำหนด',
  min: 'น้อยกว่าค่าต่ำสุดที่อนุญาต',
  max: 'มากกว่าค่าสูงสุดที่อนุญาต',
  matches: 'รูปแบบไม่ถูกต้อง',
  isDateString: 'ต้องเป็นวันที่ที่ถูกต้อง',
  isISO8601: 'ต้องเป็นวันที่ที่ถูกต้อง',
  isCalendarDate: 'ต้องเป็นวันที่ที่มีอยู่จริงในรูปแบบ ปปปป-ดด-วว (ปี ค.ศ.) หรือเดือนในรูปแบบ ปปปป-ดด',
  buddhistEraYear: 'ปีเป็น พ.ศ. กรุณาใช้ปี ค.ศ. (ลบ 543) เช่น 2026-10 แทน 2569-10',
  dateOutOfRange: 'วันที่ต้องอยู่ระหว่าง 2000-01-01 ถึง 2100-12-31',
  isFiniteNumber: 'ต้องเป็นตัวเลข (ไม่ใช้รูปแบบเลขยกกำลัง เช่น 1e-7)',
  isArray: 'ต้องเป็นรายการ',
  arrayMaxSize: 'จำนวนรายการเกินกำหนด',
  isUrl: 'ต้องเป็นลิงก์ที่ถูกต้อง',
  nestedValidation: 'ข้อมูลย่อยไม่ถูกต้อง',
  LEVELS_COUNT: 'ต้องระบุเกณฑ์การให้คะแนนครบ 5 ระดับ',
  LEVEL_NOT_FINITE: 'เกณฑ์การให้คะแนนต้องเป็นตัวเลข',
  LEVELS_NOT_ASCENDING: 'เกณฑ์ต้องเพิ่มขึ้นจากระดับ 1 ถึงระดับ 5 (ยิ่งมากยิ่งดี)',
  LEVELS_NOT_DESCENDING: 'เกณฑ์ต้องลดลงจากระดับ 1 ถึงระดับ 5 (ยิ่งน้อยยิ่งดี)',
  UNKNOWN_DIRECTION: 'ทิศทางต้องเป็น ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี',
  UNKNOWN_KIND: 'ประเภทต้องเป็น แบบช่วง หรือ แบบขั้นตอน',
  NO_INDICATORS: 'คำรับรองต้องมีตัวชี้วัดอย่างน้อยหนึ่งตัว',
  WEIGHT_NOT_FINITE: 'น้ำหนักต้องเป็นตัวเลข',
  WEIGHT_NOT_POSITIVE: 'น้ำหนักต้องมากกว่า 0',
  WEIGHT_TOO_MANY_DECIMALS: 'น้ำหนักมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง',
  WEIGHTS_SUM_NOT_100: 'ผลรวมน้ำหนักต้องเท่ากับ 100 พอดี',
  GOAL_SELF_LINK: 'เป้าประสงค์เป็นเหตุของตัวเองไม่ได้',
  GOAL_OTHER_PLAN: 'เป้าประสงค์ทั้งสองต้องอยู่ในแผนเดียวกัน',
  GOAL_LINK_LOOP: 'ลูกศรนี้จะทำให้เกิดวงวน (เหตุและผลย้อนกลับมาที่เดิม)',
  GOAL_NOT_ABOVE: 'ต้องเป็นเป้าประสงค์ของแผนระดับสูงกว่า (กลุ่มจังหวัดหรือประเทศ)',
  PLAN_YEARS_ORDER: 'ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น',
  PASSWORD_PERSONAL: 'รหัสผ่านต้องไม่มีชื่อหรืออีเมลของผู้ใช้',
  PASSWORD_COMMON: 'รหัสผ่านนี้พบบ่อยหรือเดาง่ายเกินไป กรุณาใช้วลีที่ยาวขึ้นจากคำที่ไม่เกี่ยวข้องกัน',
  PASSWORD_WRONG: 'รหัสผ่านปัจจุบันไม่ถูกต้อง',
  PASSWORD_UNCHANGED: 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านปัจจุบัน',
};
