import { Global, Module } from '@nestjs/common';
import { UnitResolver } from './unit-resolver.service';

@Global()
@Module({
  providers: [UnitResolver],
  exports: [UnitResolver],
})
export class AccessModule {}
